"""Quarterly progress updates on commitments, and the milestone status history they write."""
