"""Assessment: scoring, attempts, progress, item analysis and GIFT export."""
