set -- "a b" c; echo $#; echo "$@"; echo "$*"; for i in $*; do echo "[$i]"; done
