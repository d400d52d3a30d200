echo ${x?unset var}
