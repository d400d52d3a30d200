for x in "$@"; do echo $x; done; echo none
