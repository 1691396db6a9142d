enum _PlaceholderAcumenWeb {}
