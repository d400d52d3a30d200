ls /nonexistent 2>&1 | wc -l
