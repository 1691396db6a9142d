enum _PlaceholderAcumenStore {}
