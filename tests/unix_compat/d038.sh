x=${HOME:+set}; echo $x
