/** The part of jStat (jstat@1.9.6, which ships no types) civsim uses. */
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, dof: number): number;
    pdf(x: number, dof: number): number;
    inv(p: number, dof: number): number;
  }
  const jstat: {
    jStat: {
      studentt: Distribution;
      normal: {
        cdf(x: number, mean: number, sd: number): number;
        inv(p: number, mean: number, sd: number): number;
      };
    };
  };
  export default jstat;
}
