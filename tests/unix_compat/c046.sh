echo $#; echo $0
