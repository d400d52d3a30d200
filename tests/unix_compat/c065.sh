echo {a,b} x{1..3}y {c..a} a{b,c{d,e}}f {1..10..3} {a} {} file{01..03}
