//! stub
use super::applets::Ctx;
pub fn pwd(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn mkdir(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn rmdir(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn touch(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn rm(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn cp(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn mv(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn ln(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn chmod(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn stat(_c: &mut Ctx) -> Option<i32> { Some(0) }
pub fn which(_c: &mut Ctx) -> Option<i32> { Some(0) }
