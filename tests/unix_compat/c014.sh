IFS=: read x y <<EOF
p:q:r
EOF
echo "$x|$y"
