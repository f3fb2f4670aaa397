"""The student portal side: the database contract, what is published to it, the student's eye, a simulator."""
