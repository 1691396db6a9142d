print("acumen")
