echo 'single $x' "double \$x \"q\"" \\back
