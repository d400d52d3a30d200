echo ${x:?}
