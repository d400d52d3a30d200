printf "%s\n" "$(seq 3)"
