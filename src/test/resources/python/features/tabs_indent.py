def tabs():
	if True:
		return 1
	else:
		return [
	1,
			2]


class Mixed:
	def method(self):
		pass

	x = 1


def tab_then_spaces():
	if x:
	    pass
	    if y:
	    	pass


def form_feed():
    return 1
