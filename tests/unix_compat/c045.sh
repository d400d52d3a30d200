f() { echo $1; }; f "a b"; f a b
