echo "${x:-a b}" ${x:-a b}
