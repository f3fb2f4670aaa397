"""Qt item models over the plain rows desk services return."""
