"""The services: one function per thing a person does (set up a workshop, save an answer, reveal, agree,
make a report, import, erase). Each runs in one transaction and checks the actor's role first."""
