#!/usr/bin/env python3
"""Records the running kernel's verifier verdict for every program of every corpus object.

Used by record.sh; needs root and ../shared/tools/kernel-oracle/oracle.py (its libbpf bindings).

`oracle.py verify` loads all programs of an object together and libbpf stops at the first
rejection, so the programs after it get no verdict. This script therefore opens the object once per
program and loads only that program (bpf_program__set_autoload(false) on the others, the same
SCHED_CLS / tcx set-up as oracle.py), with a level-1 verifier log. As a cross-check it then runs
oracle.py's own whole-object verify and requires the same object verdict and, for the first rejected
program, the same log.

Output (stdout): expected.tsv, one line per program:
    object  program  verdict  processed  fragment  kernel_error
where kernel_error is the decisive line of the kernel's log and fragment a stable substring of it,
taken by the FRAGMENTS rules below (a rejection whose line no rule matches is an error: add a rule).
"""
import ctypes as C
import os
import re
import sys

ORACLE_DIR = os.environ.get('ORACLE_DIR') or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'tools', 'kernel-oracle')
sys.path.insert(0, ORACLE_DIR)
import oracle  # noqa: E402

set_autoload = oracle._f('bpf_program__set_autoload', C.c_int, C.c_void_p, C.c_bool)
# libbpf's own warnings ("failed to load object ...") are noise here: the kernel log says why.
oracle._f('libbpf_set_print', C.c_void_p, C.c_void_p)(None)

# (regex, group): the fragment is the match's group; the first rule that matches wins. Numbers that
# depend on instruction indexes or layouts stay out of the fragment where the message has a stable
# part without them.
FRAGMENTS = [
    (r'R\d+ !read_ok', 0),
    (r'R\d+ is invalid', 0),
    (r'arg#\d+ expects pointer to ctx', 0),
    (r'R\d+ is not a scalar', 0),
    (r'R\d+ not a scalar value', 0),
    (r'cannot return stack pointer to the caller', 0),
    (r'(R\d+) invalid mem access \'[a-z_]+\'', 0),
    (r'back-edge from insn', 0),
    (r'unreachable insn', 0),
    (r'infinite loop detected', 0),
    (r'invalid bpf_context access off=-?\d+ size=\d+', 0),
    (r'BPF_ATOMIC stores into R\d+ \w+ is not allowed', 0),
    (r'BPF_ST stores into R\d+ \w+ is not allowed', 0),
    (r'dereference of modified \w+ ptr R\d+ off=-?\d+ disallowed', 0),
    (r'variable \w+ access var_off=', 0),
    (r'at the time of BPF_LD_ABS\|IND R6 != pointer to skb', 0),
    (r'R\d+ type=\S+ expected=', 0),
    (r'invalid access to packet', 0),
    (r'invalid access to map value', 0),
    (r'invalid access to memory', 0),
    (r'R\d+ must have zero offset when passed to release func', 0),
    (r'R\d+ is not a known constant', 0),
    (r'expected prog array map for tail call', 0),
    (r"tail_call is only allowed in functions that return 'int'", 0),
    (r'tail_calls are not allowed when call stack of previous frames is \d+ bytes\. Too large', 0),
    (r'jump out of range', 0),
    (r'jump into the middle of ldimm64 insn', 0),
    (r'unrecognized bpf_ld_imm64 insn', 0),
    (r'invalid BPF_LD_IMM insn', 0),
    (r'invalid bpf_ld_imm64 insn', 0),
    (r'unknown opcode [0-9a-f]+', 0),
    (r'invalid (BPF_ALU|BPF_JMP|BPF_LDX|BPF_STX|BPF_ST|BPF_LD) (opcode|uses reserved fields)', 0),
    (r'BPF_[\w/]+ uses reserved fields', 0),
    (r'fd \d+ is not pointing to valid bpf_map', 0),
    (r'frame pointer is read only', 0),
    (r'combined stack size of \d+ calls is \d+\. Too large', 0),
    (r'the call stack of \d+ frames is too deep', 0),
    (r'invalid write to stack', 0),
    (r'invalid read from stack', 0),
    (r'invalid (indirect|variable-offset) (read|write|access)', 0),
    (r'invalid stack off=', 0),
    (r'misaligned stack access', 0),
    (r'misaligned (packet|value|context) access', 0),
    (r'misaligned access', 0),
    (r'last insn is not an exit or jmp', 0),
    (r'R\d+ (min|max) value is outside of the allowed memory range', 0),
    (r'R\d+ unbounded memory access', 0),
    (r'R\d+ (min|max) value is negative', 0),
    (r'math between \w+ pointer and register with unbounded min value is not allowed', 0),
    (r'math between \w+ pointer and \d+ is not allowed', 0),
    (r'R\d+ pointer arithmetic on \w+ prohibited', 0),
    (r'R\d+ subtraction from stack pointer prohibited', 0),
    (r'R\d+ pointer arithmetic with \S+ operator prohibited', 0),
    (r'R\d+ tried to subtract pointer from scalar', 0),
    (r'R\d+ cannot write into \w+', 0),
    (r'R\d+ \d+-bit pointer arithmetic prohibited', 0),
    (r'R\d+ bitwise operator \S+ on pointer prohibited', 0),
    (r'R\d+ pointer \S+ pointer prohibited', 0),
    (r'R\d+ tried to \w+ from different maps, paths or scalars', 0),
    (r'R\d+ tried to \w+ beyond pointer bounds', 0),
    (r'R\d+ has pointer with unsupported alu operation', 0),
    (r'R\d+ cannot write into \w+', 0),
    (r'write into map forbidden', 0),
    (r'only read from bpf_array is supported', 0),
    (r'only read is supported', 0),
    (r'invalid stack type R\d+', 0),
    (r'same insn cannot be used with different pointers', 0),
    (r'program of this type cannot use helper \w+', 0),
    (r'unknown func \w+', 0),
    (r'invalid func unknown#\d+', 0),
    (r'cannot pass map_type \d+ into func \w+', 0),
    (r'Unreleased reference', 0),
    (r'reference has not been acquired before', 0),
    (r'arg \d+ is an unacquired reference', 0),
    (r'R\d+ must be referenced', 0),
    (r'bpf_spin_unlock is missing', 0),
    (r"map '\w+' has no valid bpf_spin_lock", 0),
    (r"off \d+ doesn't point to 'struct bpf_spin_lock' that is at \d+", 0),
    (r'bpf_spin_lock cannot be accessed directly by load/store', 0),
    (r'bpf_spin_unlock of different lock', 0),
    (r'BPF_EXIT instruction in main prog cannot be used inside bpf_spin_lock-ed region', 0),
    (r'function calls are not allowed while holding a lock', 0),
    (r'bpf_spin_unlock without taking a lock', 0),
    (r'calling [\w]+ function in a spin-locked region is not allowed', 0),
    (r'At callback return the register R0 has', 0),
    (r'At program exit the register R0 has', 0),
    (r'R\d+ leaks addr into \w+', 0),
    (r'div by zero', 0),
    (r'invalid atomic operand size', 0),
    (r'BPF_ATOMIC uses invalid atomic opcode', 0),
    (r'invalid shift \d+', 0),
    (r'BPF program is too large', 0),
    (r'The sequence of \d+ jumps is too complex', 0),
    (r'call to invalid destination', 0),
    (r'invalid size of register (spill|fill)', 0),
    (r'invalid zero-sized read', 0),
    (r'R\d+ invalid zero-sized read', 0),
    (r'[\w ]+ cannot be used inside bpf_spin_lock-ed region', 0),
]


def load_one(path, want):
    """Opens `path`, loads only program `want`, returns (loaded, log lines)."""
    obj = oracle.bpf_object__open_file(path.encode(), None)
    if not obj:
        raise oracle.LoadError('open failed: %s' % os.strerror(C.get_errno()))
    buf = C.create_string_buffer(oracle.VERIFY_LOG_SIZE)
    p, target = None, None
    while True:
        p = oracle.bpf_object__next_program(obj, p)
        if not p:
            break
        name = oracle.bpf_program__name(p).decode()
        sec = oracle.bpf_program__section_name(p).decode()
        if oracle.bpf_program__type(p) == 0 and (sec.startswith('tcx/') or sec.startswith('tc')):
            oracle.bpf_program__set_type(p, oracle.BPF_PROG_TYPE_SCHED_CLS)
            oracle.bpf_program__set_expected_attach_type(
                p, oracle.BPF_TCX_EGRESS if 'egress' in sec else oracle.BPF_TCX_INGRESS)
        if name == want:
            target = p
            oracle.bpf_program__set_log_level(p, 1)
            oracle.bpf_program__set_log_buf(p, buf, oracle.VERIFY_LOG_SIZE)
        else:
            set_autoload(p, False)
    if target is None:
        raise SystemExit('%s: no program %s' % (path, want))
    rc = oracle.bpf_object__load(obj)
    loaded = rc == 0 and oracle.bpf_program__fd(target) >= 0
    log = buf.value.decode(errors='replace')
    oracle.bpf_object__close(obj)
    lines = [re.sub(r'0xffff[0-9a-f]{12}', '0xKADDR', l) for l in log.split('\n')
             if l.strip() and not l.startswith('verification time')]
    return loaded, lines


INSN = re.compile(r'^\d+: (\([0-9a-f]{2}\) |BUG_)')  # BUG_xx: an instruction the log cannot print
STATE = re.compile(r'^(\d+: )?(R\d+(_[a-z]+)?=|frame\d+:|from \d+ to \d+:|; |func#\d+ @\d+|last_idx |regs=|parent |mark_precise)')


def decisive_line(lines):
    """The kernel's error line: the first line after the last printed instruction that is not a
    register state or source line; for errors found before exploration (no instruction printed),
    the first line that is not a subprogram listing."""
    body = []
    for l in lines:
        m = oracle.VERIFY_STATS.search(l)
        if m is None:
            body.append(l)
        elif m.start() > 0:
            # a message the kernel printed without its newline, glued to the statistics line
            body.append(l[:m.start()])
    last = max([i for i, l in enumerate(body) if INSN.match(l)], default=-1)
    for l in body[last + 1:]:
        if not STATE.match(l):
            return l
    return None


def fragment_of(line):
    for rx, g in FRAGMENTS:
        m = re.search(rx, line)
        if m:
            return m.group(g)
    return None


def programs_of(path):
    obj = oracle.bpf_object__open_file(path.encode(), None)
    names, p = [], None
    while True:
        p = oracle.bpf_object__next_program(obj, p)
        if not p:
            break
        names.append(oracle.bpf_program__name(p).decode())
    oracle.bpf_object__close(obj)
    return names


def main(argv):
    corpus = argv[0]
    objs = sorted(f for f in os.listdir(corpus) if f.endswith('.o'))
    out = ['object\tprogram\tverdict\tprocessed\tfragment\tkernel_error']
    failures = []
    for o in objs:
        path = os.path.join(corpus, o)
        rows = {}
        for prog in programs_of(path):
            loaded, lines = load_one(path, prog)
            stats = [m for m in map(oracle.VERIFY_STATS.search, lines) if m]
            processed = stats[-1].group(1) if stats else '-'
            if loaded:
                verdict, frag, err = 'accept', '-', '-'
            else:
                verdict = 'reject'
                err = decisive_line(lines)
                if err is None:
                    failures.append('%s %s: rejected without an error line: %r' % (o, prog, lines[-5:]))
                    continue
                frag = fragment_of(err)
                if frag is None:
                    failures.append('%s %s: no FRAGMENTS rule matches %r' % (o, prog, err))
                    continue
            err = err.replace('\t', ' ')
            rows[prog] = (verdict, lines)
            out.append('\t'.join([o, prog, verdict, processed, frag, err]))
            print('%-22s %-44s %-6s %s' % (o, prog, verdict, err), file=sys.stderr)
        # cross-check against oracle.py's whole-object verify
        whole = oracle.verify_object(path, 1)
        expect = 'accept' if all(v == 'accept' for v, _ in rows.values()) else 'reject'
        if len(rows) == len(whole['programs']) and whole['verdict'] != expect:
            failures.append('%s: oracle verify says %s, per-program loads say %s' % (o, whole['verdict'], expect))
        for p in whole['programs']:
            if p['program'] in rows and p['log'] and not p['loaded'] and rows[p['program']][1] != p['log']:
                failures.append('%s %s: whole-object log differs from the single-program log' % (o, p['program']))
    if failures:
        print('\n'.join(failures), file=sys.stderr)
        sys.exit(1)
    print('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv[1:])
