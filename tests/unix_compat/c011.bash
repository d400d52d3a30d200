line1 2
	tabbed
--stderr--
--rc-- 0
