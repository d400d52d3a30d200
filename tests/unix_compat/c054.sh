echo one; exit; echo two
