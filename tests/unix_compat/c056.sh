echo "a" >&2; echo b 1>&2 2>/dev/null; echo c
