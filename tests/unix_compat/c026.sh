[ "a" = "a" -a 1 -lt 2 ] && echo and
