seq 1 3 | sort -r | head -n 1
