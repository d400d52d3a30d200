echo ${undefined}x "${undefined}"y
