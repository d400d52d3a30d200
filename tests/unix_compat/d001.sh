echo "$(echo "a b" | tr a A)"
