//! stub
use super::applets::Ctx;
pub fn env(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn hostname(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn uname(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn id(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn whoami(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn date(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn ps(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn kill(_c: &mut Ctx) -> Option<i32> { Some(0) }
