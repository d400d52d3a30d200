v=abc; echo ${v#a} ${v%c} ${v#"a"} ${v#'*'}
