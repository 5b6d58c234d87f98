//! How many connections are open, in all and per source address: a connection past
//! either limit is closed before the SSH handshake costs anything.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

pub struct Limits {
    max: usize,
    max_per_address: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// A connection's place, given back when it is dropped.
pub struct Ticket {
    limits: Arc<Limits>,
    address: IpAddr,
}

impl Limits {
    pub fn new(max: usize, max_per_address: usize) -> Limits {
        Limits {
            max,
            max_per_address,
            open: Mutex::new(HashMap::new()),
        }
    }

    /// A place for a connection from `address`, if both limits allow one more.
    pub fn admit(self: &Arc<Self>, address: IpAddr) -> Option<Ticket> {
        let mut open = self.open.lock().ok()?;
        let total: usize = open.values().sum();
        let here = open.get(&address).copied().unwrap_or(0);
        if total >= self.max || here >= self.max_per_address {
            return None;
        }
        open.insert(address, here + 1);
        Some(Ticket {
            limits: Arc::clone(self),
            address,
        })
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Ok(mut open) = self.limits.open.lock()
            && let Some(count) = open.get_mut(&self.address)
        {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_limits_hold_and_a_closed_connection_frees_its_place() {
        let limits = Arc::new(Limits::new(3, 2));
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let first = limits.admit(a).expect("first from a");
        let _second = limits.admit(a).expect("second from a");
        assert!(limits.admit(a).is_none(), "a third from one address");
        let _third = limits.admit(b).expect("one from b");
        assert!(limits.admit(b).is_none(), "past the total");
        drop(first);
        assert!(limits.admit(b).is_some(), "a place freed");
    }
}
