echo "${x-"nested default"}"
