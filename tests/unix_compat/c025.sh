test -z "" && echo empty; test -n "x" && echo nonempty
