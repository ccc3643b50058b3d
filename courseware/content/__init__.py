"""The course's content: lessons, quiz banks, slides, figures and charts, read and checked."""
