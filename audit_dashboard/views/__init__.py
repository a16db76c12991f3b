"""What each page shows, as content.Chart / content.Table objects built from named queries."""
