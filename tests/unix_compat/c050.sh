unset x; echo ${x+set}${x-unset}; x=; echo ${x+set}${x:-empty}
