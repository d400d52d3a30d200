echo "x" | cat -
