"""Stand-ins for CUPS's lp, lpstat, cancel and ipptool, for simulate mode and tests (standard
library only).

Run as `python fake_cups.py STATE_DIR lp|lpstat|cancel|ipptool ARGS...`. They answer in CUPS's own output
format from STATE_DIR/state.json, which the simulator panel edits; a "printed" PDF is copied to
the output folder named there. Only the options the kiosk's driver uses are understood.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DATE = time.strftime("%a %d %b %Y %I:%M:%S %p %Z")


@contextmanager
def locked(state_dir: Path):
    with open(state_dir / "state.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        path = state_dir / "state.json"
        state = json.loads(path.read_text(encoding="utf-8"))
        yield state
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)


PAPER_OUT = ("media-empty", "media-needed")


def can_print(state: dict[str, Any]) -> bool:
    stale = PAPER_OUT if state.get("stale_paper") else ()  # paper was loaded since
    return state["state"] != "stopped" and not any(
        r.startswith(("media-empty", "media-needed", "offline", "media-jam", "door-open"))
        and not r.startswith(stale)
        for r in state["reasons"]
    )


def resume(state: dict[str, Any]) -> None:
    """Paper loaded and the queue resumed (cupsenable): the job that stopped it prints and the
    backend clears media-empty; with no job left (it was withdrawn) CUPS keeps the reason until
    the next job runs."""
    stuck = any(r.startswith(PAPER_OUT) for r in state["reasons"]) and state["state"] == "stopped"
    waiting = any(j["state"] == "pending" for j in state["jobs"])
    state.update(state="idle", reasons=[], message="")
    if stuck and not waiting:
        state["reasons"], state["stale_paper"] = ["media-empty-error"], True


# job states CUPS lists under -W completed (the rest are not-completed)
FINISHED = ("completed", "canceled", "aborted")


def finish(state: dict[str, Any], job: dict[str, Any], how: str, reasons: list[str]) -> None:
    """A job ends; its file goes unless the scheduler keeps job files (PreserveJobFiles)."""
    job["state"], job["reasons"] = how, reasons
    if not state.get("preserve_files"):
        Path(job["spool"]).unlink(missing_ok=True)


def process_queue(state: dict[str, Any]) -> None:
    """Print pending jobs (copy their files to the output folder) when the printer can. A job
    that finds the tray empty stops the queue, as the backend's exit makes real CUPS do: the
    printer stays stopped (and the job pending) until staff load paper and resume it."""
    out = Path(state["output_dir"])
    for job in state["jobs"]:
        empty = not state.get("stale_paper") and any(r.startswith(PAPER_OUT) for r in state["reasons"])
        if job["state"] == "pending" and empty and state["state"] != "stopped":
            state["state"] = "stopped"
            state["reasons"] = [*state["reasons"], "paused"]
            state["message"] = state["message"] or "Media tray empty"
        if job["state"] == "pending" and can_print(state) and state.get("fail_next"):
            # the printer gives up on this job (a filter error, a bad page): CUPS aborts it
            state["fail_next"] = False
            finish(state, job, "aborted", ["aborted-by-system"])
        elif job["state"] == "pending" and can_print(state):
            out.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(job["spool"], out / job["output"])
            finish(state, job, "completed", ["job-completed-successfully"])
            if state.pop("stale_paper", False):  # the backend ran: STATE: -media-empty-error
                state["reasons"] = [r for r in state["reasons"] if not r.startswith(PAPER_OUT)]
        elif job["state"] == "pending":
            job["reasons"] = ["printer-stopped"] if state["state"] == "stopped" else ["job-printing"]


def restart(state_dir: Path, job_id: str) -> int:
    """`lp -i JOB -H restart`: a canceled or aborted job whose file CUPS kept prints again."""
    with locked(state_dir) as state:
        job = next((j for j in state["jobs"] if j["id"] == job_id), None)
        if job is None:
            print(f"lp: Unable to restart job: The job {job_id} does not exist.", file=sys.stderr)
            return 1
        if job["state"] not in ("canceled", "aborted") or not Path(job["spool"]).is_file():
            print(f"lp: Unable to restart job: Job #{job_id} is not complete.", file=sys.stderr)
            return 1
        job["state"], job["reasons"] = "pending", []
        process_queue(state)
    return 0


def cancel(state_dir: Path, args: list[str]) -> int:
    """`cancel JOB`: a job not yet printed is canceled (its file kept only if job files are)."""
    with locked(state_dir) as state:
        if not state["scheduler"]:
            print("cancel: Scheduler is not running.", file=sys.stderr)
            return 1
        for job_id in args:
            job = next((j for j in state["jobs"] if j["id"] == job_id), None)
            if job is None:
                print(f"cancel: Job #{job_id} does not exist.", file=sys.stderr)
                return 1
            if job["state"] in FINISHED:
                print(f"cancel: Job #{job_id} is already {job['state']} - can't cancel.", file=sys.stderr)
                return 1
            finish(state, job, "canceled", ["job-canceled-by-user"])
    return 0


def lp(state_dir: Path, args: list[str]) -> int:
    if "-i" in args and "-H" in args and args[args.index("-H") + 1] == "restart":
        return restart(state_dir, args[args.index("-i") + 1])
    dest, title, files = "", "", []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-d", "-n", "-o", "-t"):
            if a == "-d":
                dest = args[i + 1]
            elif a == "-t":
                title = args[i + 1]
            i += 2
        elif a == "--":
            files += args[i + 1 :]
            break
        else:
            files.append(a)
            i += 1
    with locked(state_dir) as state:
        if not state["scheduler"]:
            print("lp: Scheduler is not running.", file=sys.stderr)
            return 1
        if dest != state["printer"]:
            print("lp: The printer or class does not exist.", file=sys.stderr)
            return 1
        for f in files:
            if not Path(f).is_file():
                print(f'lp: Error - unable to access "{f}" - No such file or directory', file=sys.stderr)
                return 1
        job_no = state["next_id"]
        state["next_id"] += 1
        spool = state_dir / f"spool-{job_no}.pdf"
        shutil.copyfile(files[0], spool)
        name = f"{job_no:04d}-{Path(files[0]).stem}.pdf"
        job_id = f"{dest}-{job_no}"
        state["jobs"].append(
            {
                "id": job_id,
                "title": title or Path(files[0]).name,
                "spool": str(spool),
                "output": name,
                "size": spool.stat().st_size,
                "state": "pending",
                "reasons": [],
            }
        )
        if state.get("run_out_next"):
            # the tray empties as this job starts: it stays processing until paper is loaded
            state["run_out_next"] = False
            state.pop("stale_paper", None)
            state["reasons"], state["message"] = ["media-empty-error"], "Media tray empty"
        if state.get("offline_next"):
            # the printer stops answering as this job starts: processing until it is back
            state["offline_next"] = False
            state["reasons"], state["message"] = ["offline-report"], "The printer is not responding."
        process_queue(state)
    print(f"request id is {job_id} (1 file(s))")
    return 0


def lpstat(state_dir: Path, args: list[str]) -> int:
    with locked(state_dir) as state:
        if not state["scheduler"]:
            print("lpstat: Scheduler is not running.", file=sys.stderr)
            return 1
        process_queue(state)
        name = state["printer"]
        if "-r" in args:
            print("scheduler is running")
        if "-d" in args:
            print(f"system default destination: {name}")
        if "-p" in args:
            asked = args[args.index("-p") + 1] if args.index("-p") + 1 < len(args) else name
            if asked != name:
                print(f'lpstat: Invalid destination name in list "{asked}".', file=sys.stderr)
                return 1
            if state["state"] == "stopped":
                print(f"printer {name} disabled since {DATE} -")
                print(f"\t{state['message'] or 'reason unknown'}")
            else:
                print(f"printer {name} is idle.  enabled since {DATE}")
                if state["message"]:
                    print(f"\t{state['message']}")
            if "-l" in args:
                print("\tForm mounted:\n\tContent types: any\n\tPrinter types: unknown")
                print("\tDescription: Simulated A4 printer")
                print(f"\tAlerts: {' '.join(state['reasons']) or 'none'}")
                print("\tLocation: kiosk")
        if "-o" in args:
            which = args[args.index("-W") + 1] if "-W" in args else "not-completed"
            for job in state["jobs"]:
                if which == "not-completed" and job["state"] in FINISHED:
                    continue
                if which == "completed" and job["state"] not in FINISHED:
                    continue
                print(f"{job['id']:<23} {'kiosk':<13} {job['size']:8d}   {DATE}")
                if "-l" in args:
                    print(f"\tStatus: \n\tAlerts: {' '.join(job['reasons']) or 'none'}\n\tqueued for {name}")
    return 0


def ipp_state(job: dict[str, Any]) -> str:
    if job["state"] == "pending":
        return "processing" if "job-printing" in job["reasons"] else "pending"
    return str(job["state"])


def ipptool(state_dir: Path, args: list[str]) -> int:
    """`ipptool -c [-T N] URI /dev/stdin` with the driver's Get-Jobs request: its CSV."""
    sys.stdin.read()
    with locked(state_dir) as state:
        if not state["scheduler"]:
            print(
                f'ipptool: Unable to connect to "{args[-2]}" on port 631 - Connection refused',
                file=sys.stderr,
            )
            return 1
        process_queue(state)
        print("job-id,job-state,job-state-reasons,number-of-documents,job-name")
        for job in state["jobs"]:
            number = job["id"].rsplit("-", 1)[1]
            kept = 1 if Path(job["spool"]).is_file() else 0
            reasons = ",".join(job["reasons"]) or "none"
            print(f'{number},{ipp_state(job)},"{reasons}",{kept},"{job["title"]}"')
    return 0


def main(argv: list[str]) -> int:
    state_dir, program, args = Path(argv[0]), argv[1], argv[2:]
    run = {"lp": lp, "lpstat": lpstat, "cancel": cancel, "ipptool": ipptool}[program]
    return run(state_dir, args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
