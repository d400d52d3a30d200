echo a b c | read x; echo "[$x]"
