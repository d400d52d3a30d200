--stderr--
bash: -c: line 1: syntax error near unexpected token `;'
bash: -c: line 1: `if true; then; fi'
--rc-- 2
