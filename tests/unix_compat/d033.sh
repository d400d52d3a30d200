set -- 1 2 3; shift 2; echo $@; shift 5; echo rc=$?
