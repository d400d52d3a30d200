//! `/hello` of the `hello-world` image: prints its message and exits 0. The simplest
//! shape of a program.
//!
//! Invariant: the text is byte for byte the one the real image prints.

use super::{Program, Step};
use crate::unix::process::io::Io;

/// The message of `docker run hello-world` (docker-library/hello-world, `hello.c`).
pub const MESSAGE: &str = "
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

";

#[derive(Clone, Debug)]
pub struct Hello;

impl Program for Hello {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        io.out(MESSAGE);
        Step::Exit(0)
    }
    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}
