s="a:b:c"; IFS=:; set -- $s; echo $#; IFS=" "; echo "$2"
