echo ${x:-def} ${y:-def} ${y-def} ${y:=set} $y
