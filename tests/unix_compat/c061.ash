"escaped" 'single' $dollar
--stderr--
--rc-- 0
