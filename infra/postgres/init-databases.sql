-- Run once by the postgres image's entrypoint on an empty data directory (docker-compose.yml).
-- One database per service: services share no tables and are coordinated only through Kafka.
CREATE DATABASE sinergi_program;
CREATE DATABASE sinergi_enrollment;
CREATE DATABASE sinergi_venue_capacity;
CREATE DATABASE sinergi_instructor_module;
CREATE DATABASE sinergi_notification;
CREATE DATABASE sinergi_gateway;
