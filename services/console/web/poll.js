// Polling that never overlaps and stops with its view: run `task`, wait `intervalMs` after it
// finished, run again — until stop() is called.

export function poll(task, intervalMs) {
    let stopped = false;
    let running = false;
    let again = false;
    let timer = null;
    const loop = async () => {
        if (stopped) return;
        if (running) {
            again = true;  // now() during a run: run once more right after it
            return;
        }
        running = true;
        try {
            await task();
        } catch (error) {
            console.error("poll task failed", error);
        }
        running = false;
        if (stopped) return;
        if (again) {
            again = false;
            loop();
        } else {
            timer = setTimeout(loop, intervalMs);
        }
    };
    loop();
    return {
        stop() {
            stopped = true;
            clearTimeout(timer);
        },
        /// Runs the task now (e.g. after a filter changed) and keeps the rhythm afterwards.
        now() {
            clearTimeout(timer);
            loop();
        },
    };
}

/// Calls render(value) only when value differs (as JSON) from the previous call, so open
/// <details> and focused inputs survive a refresh that brought nothing new.
export function changed(render) {
    let last;
    return (value) => {
        const text = JSON.stringify(value);
        if (text === last) return;
        last = text;
        render(value);
    };
}
