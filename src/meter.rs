//! How many bytes of heap one piece of work holds, so that `serve` can stop a query that grows
//! past its share of memory instead of waiting for its timeout.
//!
//! Every binary built on this crate allocates through [`Counting`]: the system's allocator, which
//! also adds the size of each allocation to the [`Meter`] attached to the allocating thread (if
//! any) and takes it off again when that thread frees it. A meter is attached for as long as its
//! [`Attached`] guard lives; a thread without one pays a thread-local read per allocation and
//! nothing else. What a meter counts is the work's own heap: memory the work frees on another
//! thread, or allocates outside Rust's allocator (RocksDB's C++ caches, bounded by their own
//! settings), is not counted.
//!
//! Why not a crate: the allocator-statistics crates (`stats_alloc`, `cap`) count a whole process
//! or cap it by failing allocations, which aborts; the server needs one count per query, read by
//! its watchdog, which cancels the query cleanly.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::Arc;

/// The system allocator, counting into the allocating thread's attached [`Meter`].
pub struct Counting;

thread_local! {
    /// The counter of the meter attached to this thread, or null. A plain pointer with a const
    /// initialiser: reading it never allocates, so the allocator itself may read it.
    static ATTACHED: Cell<*const AtomicIsize> = const { Cell::new(std::ptr::null()) };
}

fn charge(bytes: isize) {
    let _ = ATTACHED.try_with(|a| {
        let counter = a.get();
        if !counter.is_null() {
            // SAFETY: only `Meter::attach` sets the pointer, and its guard keeps the counter
            // alive until it has put the previous pointer back.
            unsafe { &*counter }.fetch_add(bytes, Ordering::Relaxed);
        }
    });
}

// SAFETY: every call is passed to `System` unchanged; the counting only reads a thread-local and
// adds to an atomic, which neither allocates nor unwinds.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            charge(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            charge(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        charge(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            charge(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// A count of the bytes a piece of work holds; clones share the count, so a watchdog on another
/// thread can read what the attached thread allocates.
#[derive(Debug, Clone, Default)]
pub struct Meter(Arc<AtomicIsize>);

impl Meter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes allocated and not yet freed on the threads while attached (never below 0: work may
    /// free what was allocated before it began).
    pub fn bytes(&self) -> usize {
        self.0.load(Ordering::Relaxed).max(0) as usize
    }

    /// Counts this thread's allocations into the meter until the guard is dropped; the meter
    /// attached before (if any) counts again after.
    #[must_use = "the meter counts only while the guard lives"]
    pub fn attach(&self) -> Attached {
        let previous = ATTACHED.with(|a| a.replace(Arc::as_ptr(&self.0)));
        Attached {
            _meter: self.clone(),
            previous,
        }
    }
}

/// While alive, the thread that made it counts into its meter. Not `Send`: it must be dropped on
/// that thread.
pub struct Attached {
    _meter: Meter,
    previous: *const AtomicIsize,
}

impl Drop for Attached {
    fn drop(&mut self) {
        ATTACHED.with(|a| a.set(self.previous));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: usize = 1 << 20;

    #[test]
    fn a_meter_counts_what_its_thread_holds() {
        let meter = Meter::new();
        let guard = meter.attach();
        let block = vec![1u8; 8 * MIB];
        assert!(meter.bytes() >= 8 * MIB, "{}", meter.bytes());
        drop(block);
        assert!(meter.bytes() < MIB, "{}", meter.bytes());
        let mut grown: Vec<u8> = Vec::with_capacity(MIB);
        grown.resize(4 * MIB, 0);
        assert!(meter.bytes() >= 4 * MIB, "{}", meter.bytes());
        drop(grown);
        drop(guard);
        // no longer attached: nothing counts
        let after = vec![1u8; 8 * MIB];
        assert!(meter.bytes() < MIB, "{}", meter.bytes());
        drop(after);
    }

    #[test]
    fn other_threads_and_detached_work_are_not_counted() {
        let meter = Meter::new();
        let _guard = meter.attach();
        let elsewhere = std::thread::spawn(|| vec![1u8; 16 * MIB].len()).join();
        assert_eq!(elsewhere.unwrap(), 16 * MIB);
        assert!(meter.bytes() < MIB, "{}", meter.bytes());
    }

    #[test]
    fn an_inner_meter_counts_and_the_outer_one_resumes() {
        let outer = Meter::new();
        let _outer = outer.attach();
        let inner = Meter::new();
        let inner_block = {
            let _inner = inner.attach();
            vec![1u8; 2 * MIB]
        };
        assert!(inner.bytes() >= 2 * MIB && outer.bytes() < MIB);
        let outer_block = vec![1u8; 2 * MIB];
        assert!(outer.bytes() >= 2 * MIB);
        drop((inner_block, outer_block));
    }
}
