//! The software of the catalog's images, as simulated programs: web servers (nginx,
//! httpd, Traefik), databases (Redis, PostgreSQL, MySQL, MongoDB) with their clients,
//! language runtimes (node, python, go), the registry, `gosu`, and the images' own
//! entrypoint scripts (`entrypoint:<image>`). Each family lives in its own file; this
//! module maps a `Data::Program` name (see `crate::engine::hub::catalog`) to a program.
//!
//! Start-up and shutdown texts are the real programs' (sources cited in each file),
//! written with timestamps from the simulated clock. Servers block until a signal; each
//! honours its image's stop signal (nginx SIGQUIT, httpd SIGWINCH, postgres SIGINT, the
//! others SIGTERM) by logging its shutdown and exiting 0.
//!
//! Invariant: `create` never panics and returns `None` only for names this module does
//! not model; every program's `step` is bounded (no loop driven by input without a limit).

pub mod exec;
pub mod golang;
pub mod gosu;
pub mod httpd;
pub mod keyspace;
pub mod logtime;
pub mod mongo;
pub mod mysql;
pub mod numfmt;
pub mod nginx;
pub mod nginx_entrypoint;
pub mod nginx_text;
pub mod node;
pub mod pg;
pub mod postgres;
pub mod postgres_entrypoint;
pub mod proxies;
pub mod psql;
pub mod psql_format;
pub mod python;
pub mod redis;
pub mod redis_cli;
pub mod script_eval;
pub mod sql;
pub mod sql_expr;
#[cfg(test)]
mod testkit;
#[cfg(test)]
mod nginx_tests;
#[cfg(test)]
mod redis_tests;
#[cfg(test)]
mod postgres_tests;
pub mod util;

use super::Program;

/// The program `program` (a `Data::Program` name) run as `argv`, if it is an image
/// program.
pub fn create(program: &str, argv: &[String]) -> Option<Box<dyn Program>> {
    let prog: Box<dyn Program> = match program {
        "nginx" => Box::new(nginx::Nginx::new(argv)),
        "httpd" => Box::new(httpd::Httpd::new(argv)),
        "redis-server" => Box::new(redis::RedisServer::new(argv)),
        "redis-cli" => Box::new(redis_cli::RedisCli::new(argv)),
        "entrypoint:redis" => Box::new(redis::Entrypoint::new(argv)),
        "postgres" => Box::new(postgres::Postgres::new(argv)),
        "initdb" => Box::new(postgres::Initdb::new(argv)),
        "psql" | "postgresql:psql" => Box::new(psql::Psql::new(argv)),
        "postgresql:pg_isready" | "pg_isready" => Box::new(postgres::PgIsReady::new(argv)),
        "entrypoint:postgres" => Box::new(postgres_entrypoint::Entrypoint::new(argv)),
        "mysqld" => Box::new(mysql::Mysqld::new(argv)),
        "mysql" => Box::new(mysql::MysqlClient::new(argv)),
        "entrypoint:mysql" => Box::new(mysql::Entrypoint::new(argv)),
        "mongod" => Box::new(mongo::Mongod::new(argv)),
        "mongosh" => Box::new(mongo::Mongosh::new(argv)),
        "entrypoint:mongo" => Box::new(mongo::Entrypoint::new(argv)),
        "node" => Box::new(node::Node::new(argv)),
        "npm" | "npx" => Box::new(node::Npm::new(argv)),
        "python3" | "python" => Box::new(python::Python::new(argv)),
        "pip" => Box::new(python::Pip::new(argv)),
        "go" => Box::new(golang::Go::new(argv)),
        name if name.starts_with("go-app:") => Box::new(golang::GoApp::new(name)),
        "gosu" => Box::new(gosu::Gosu::new(argv)),
        "registry" => Box::new(proxies::Registry::new(argv)),
        "traefik" => Box::new(proxies::Traefik::new(argv)),
        "entrypoint:nginx" => Box::new(nginx_entrypoint::Entrypoint::new(argv)),
        _ => return None,
    };
    Some(prog)
}
